const controlCharacters = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * `text` on one line, its control characters written as escapes. Error messages quote the input
 * (JSON.parse shows the text around the fault): a file's line breaks must not split the error, nor
 * its escape sequences drive the terminal.
 */
export function oneLine(text: string): string {
  return text.replace(controlCharacters, (c) => named[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
