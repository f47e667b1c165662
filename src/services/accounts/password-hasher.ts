import argon2 from 'argon2';

export interface Argon2Params {
  /** KiB. */
  memoryCost: number;
  timeCost: number;
  parallelism: number;
}

/** argon2id at the OWASP-recommended strength (19 MiB, 2 passes). */
export const productionPasswordHashing: Argon2Params = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /** False for a wrong password and for a malformed hash alike. */
  verify(hash: string, password: string): Promise<boolean>;
  /** Costs about as much as `verify`, for unknown accounts: response time does not reveal which emails exist. */
  verifyNothing(password: string): Promise<void>;
}

export function argon2idHasher(params: Argon2Params): PasswordHasher {
  const options = { type: argon2.argon2id as typeof argon2.argon2id, ...params };
  let decoy: Promise<string> | undefined;
  const verify = async (hash: string, password: string) => {
    try {
      return await argon2.verify(hash, password);
    } catch {
      return false;
    }
  };
  return {
    hash: (password) => argon2.hash(password, options),
    verify,
    async verifyNothing(password) {
      decoy ??= argon2.hash('decoy password that never matches', options);
      await verify(await decoy, password);
    },
  };
}
