import { Box, Button, Group, Input } from '@mantine/core';
import { useEffect, useRef } from 'react';
import SignaturePad from 'signature_pad';
import { useTranslation } from 'react-i18next';

interface Props {
  /** Called with a PNG data URL after each stroke, or null when cleared. */
  onChange: (png: string | null) => void;
  /** The typed name, which keyboard users can sign with instead of drawing. */
  typedName: string;
  error?: string;
}

/**
 * A signature drawn with finger, pen or mouse (signature_pad). The canvas is sized to its box at the
 * screen's pixel density so strokes stay sharp; the signature is cleared on resize rather than
 * stretched. Keyboard users can put their typed name on the pad instead of drawing.
 */
export function SignaturePadField({ onChange, typedName, error }: Props) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const pad = useRef<SignaturePad | null>(null);

  useEffect(() => {
    const element = canvas.current;
    if (!element) return;
    const signaturePad = new SignaturePad(element, { backgroundColor: 'rgb(255,255,255)', penColor: 'rgb(20,20,60)' });
    pad.current = signaturePad;
    const resize = () => {
      const ratio = Math.max(window.devicePixelRatio || 1, 1);
      element.width = element.offsetWidth * ratio;
      element.height = element.offsetHeight * ratio;
      element.getContext('2d')?.scale(ratio, ratio);
      signaturePad.clear();
      onChange(null);
    };
    resize();
    const onEnd = () => onChange(signaturePad.isEmpty() ? null : signaturePad.toDataURL('image/png'));
    signaturePad.addEventListener('endStroke', onEnd);
    const observer = new ResizeObserver(() => {
      if (element.width !== element.offsetWidth * Math.max(window.devicePixelRatio || 1, 1)) resize();
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      signaturePad.removeEventListener('endStroke', onEnd);
      signaturePad.off();
    };
    // onChange is the parent's setter; the pad is set up once.
  }, []);

  const clear = () => {
    pad.current?.clear();
    onChange(null);
  };

  const signWithName = () => {
    const element = canvas.current;
    const context = element?.getContext('2d');
    if (!element || !context || !pad.current || !typedName.trim()) return;
    pad.current.clear();
    context.font = `italic ${Math.round(element.offsetHeight * 0.32)}px "Segoe Script", "Brush Script MT", cursive`;
    context.fillStyle = 'rgb(20,20,60)';
    context.textBaseline = 'middle';
    context.fillText(typedName.trim(), 16, element.offsetHeight / 2, element.offsetWidth - 32);
    onChange(element.toDataURL('image/png'));
  };

  return (
    <Input.Wrapper label={t('consent.signatureLabel')} description={t('consent.signatureHelp')} error={error} required>
      <Box
        component="canvas"
        ref={canvas}
        aria-label={t('consent.signatureLabel')}
        role="img"
        data-testid="signature-pad"
        mt={4}
        w="100%"
        h={180}
        style={{
          display: 'block',
          border: '1px solid var(--mantine-color-gray-5)',
          borderRadius: 'var(--mantine-radius-md)',
          touchAction: 'none',
          background: '#fff',
        }}
      />
      <Group gap="xs" mt="xs">
        <Button variant="default" size="xs" onClick={clear}>
          {t('consent.clear')}
        </Button>
        <Button variant="subtle" size="xs" onClick={signWithName} disabled={!typedName.trim()}>
          {t('consent.typedSignature')}
        </Button>
      </Group>
    </Input.Wrapper>
  );
}
