/**
 * The value of the option at `args[i]`, written `--name=value` or `--name value`, with the
 * index of the last argument it used. `usageError` makes the error for a missing value.
 */
export function optionValue(args: string[], i: number, name: string, usageError: (message: string) => Error): [string, number] {
  const a = args[i];
  const eq = a.indexOf('=');
  if (eq > 0) return [a.slice(eq + 1), i];
  const v = args[i + 1];
  if (v === undefined) throw usageError(`${name} needs a value`);
  return [v, i + 1];
}
