/** Thrown by `AtlasIndex.open` when the vault folder does not exist or is not a folder. */
export class VaultError extends Error {
  /** Absolute path that was given as the vault. */
  readonly vaultRoot: string;

  constructor(message: string, vaultRoot: string) {
    super(message);
    this.name = 'VaultError';
    this.vaultRoot = vaultRoot;
  }
}
