import { createTheme, darken, defaultVariantColorsResolver, parseThemeColor, type CSSVariablesResolver, type VariantColorsResolver } from '@mantine/core';

/**
 * Mantine's default shades are too light for small text on white (WCAG AA needs 4.5:1), so filled
 * colours use the darkest shade and tinted ("light") backgrounds get darkened text.
 */
const variantColorResolver: VariantColorsResolver = (input) => {
  const colors = defaultVariantColorsResolver(input);
  const parsed = parseThemeColor({ color: input.color ?? input.theme.primaryColor, theme: input.theme });
  if (input.variant === 'light' && parsed.isThemeColor && parsed.color) {
    const darkest = input.theme.colors[parsed.color]?.[9];
    if (darkest) return { ...colors, color: darken(darkest, 0.35), hoverColor: darken(darkest, 0.35) };
  }
  return colors;
};

export const theme = createTheme({
  primaryColor: 'cyan',
  primaryShade: { light: 9, dark: 7 },
  autoContrast: true,
  luminanceThreshold: 0.3,
  defaultRadius: 'md',
  variantColorResolver,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif',
});

/** "Dimmed" text at Mantine's default grey is below AA contrast; a darker grey keeps the look. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)', '--mantine-color-placeholder': 'var(--mantine-color-gray-6)' },
  dark: {},
});
