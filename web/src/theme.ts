import {
  createTheme,
  darken,
  defaultVariantColorsResolver,
  parseThemeColor,
  type CSSVariablesResolver,
  type VariantColorsResolver,
} from '@mantine/core';

/**
 * Mantine's default shades are too light for small text on white (WCAG AA needs 4.5:1), so filled
 * colours use the darkest shade (hovering darkens them further) and tinted ("light") backgrounds
 * get darkened text.
 */
const variantColorResolver: VariantColorsResolver = (input) => {
  const colors = defaultVariantColorsResolver(input);
  const parsed = parseThemeColor({ color: input.color ?? input.theme.primaryColor, theme: input.theme });
  const darkest = parsed.isThemeColor && parsed.color ? input.theme.colors[parsed.color]?.[9] : undefined;
  if (!darkest) return colors;
  if (input.variant === 'light') return { ...colors, color: darken(darkest, 0.35), hoverColor: darken(darkest, 0.35) };
  // Mantine lightens a shade-9 button on hover (to shade 8), below AA with white text; darken instead.
  if (input.variant === 'filled' && (parsed.shade === undefined || parsed.shade === 9))
    return { ...colors, hover: darken(darkest, 0.15) };
  return colors;
};

export const theme = createTheme({
  primaryColor: 'cyan',
  primaryShade: { light: 9, dark: 7 },
  autoContrast: true,
  luminanceThreshold: 0.25,
  defaultRadius: 'md',
  variantColorResolver,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif',
});

/** "Dimmed" text at Mantine's default grey is below AA contrast; a darker grey keeps the look. */
export const cssVariablesResolver: CSSVariablesResolver = (theme) => {
  // The same rules as variantColorResolver, for components drawn with Mantine's global colour
  // variables (those given no colour of their own use the primary colour's variables).
  const light: Record<string, string> = {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-6)',
    // Field errors are small red text too.
    '--mantine-color-error': 'var(--mantine-color-red-9)',
  };
  for (const [name, shades] of Object.entries(theme.colors)) {
    const darkest = shades[9];
    light[`--mantine-color-${name}-filled-hover`] = darken(darkest, 0.15);
    light[`--mantine-color-${name}-light-color`] = darken(darkest, 0.35);
  }
  const primary = theme.colors[theme.primaryColor]?.[9];
  if (primary) {
    light['--mantine-primary-color-filled-hover'] = darken(primary, 0.15);
    light['--mantine-primary-color-light-color'] = darken(primary, 0.35);
  }
  return { variables: {}, light, dark: {} };
};
