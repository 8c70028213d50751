/**
 * `util.parseArgs` for the scripts, with the scripts' one error rule: on bad arguments print the error and the usage
 * line to stderr and let the caller exit with code 2.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** The parsed arguments, or null after printing `<error>\n<usage>` to stderr. */
export function parseArgsOrUsage<T extends ParseArgsConfig>(
  config: T,
  usage: string,
): ReturnType<typeof parseArgs<T>> | null {
  try {
    return parseArgs(config);
  } catch (e) {
    console.error(`${(e as Error).message}\n${usage}`);
    return null;
  }
}
