import { describe, expect, it } from 'vitest';
import { describeError, errorLine, fileErrorReason, plainMessage } from './cli-errors.js';

const systemError = (code: string, message: string) => Object.assign(new Error(message), { code });

describe('errors in plain words', () => {
  it('says why a file cannot be read without the system code', () => {
    expect(fileErrorReason(systemError('ENOENT', "ENOENT: no such file or directory, open 'x.json'"))).toBe(
      'no such file',
    );
    expect(fileErrorReason(systemError('EISDIR', 'EISDIR: illegal operation on a directory, read'))).toBe(
      'is a folder, not a file',
    );
    expect(fileErrorReason(systemError('EACCES', "EACCES: permission denied, open '/root/x'"))).toBe(
      'permission denied',
    );
    // A code with no words of its own: what the system says, without the code and the path.
    expect(fileErrorReason(systemError('EXDEV', "EXDEV: cross-device link not permitted, rename 'a' -> 'b'"))).toBe(
      'cross-device link not permitted',
    );
  });

  it('rewrites system errors quoted inside a message', () => {
    expect(plainMessage("cannot open (ENOENT: no such file or directory, open '/data/x.sqlite')")).toBe(
      'cannot open (/data/x.sqlite: no such file)',
    );
    expect(plainMessage('write EPIPE')).toBe('write (the reader has gone)');
    expect(plainMessage('spawn pg_dump ENOENT')).toBe('spawn pg_dump (no such file)');
    // Words that merely look like codes are left alone.
    expect(plainMessage('SQLITE_CANTOPEN: unable to open database file; EOF')).toBe(
      'SQLITE_CANTOPEN: unable to open database file; EOF',
    );
    expect(describeError(systemError('ENOSPC', "ENOSPC: no space left on device, write '/tmp/x'"))).toBe(
      '/tmp/x: the disk is full',
    );
    expect(describeError('not an Error')).toBe('not an Error');
  });

  it('puts every error on one line after "mesodesk: "', () => {
    expect(errorLine('a\nb\u001b[2J')).toBe('mesodesk: a\\nb\\u001b[2J');
  });
});
