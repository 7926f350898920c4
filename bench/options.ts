/** Numeric benchmark options: `--name N` or `--name=N` on the command line, else an environment variable. */
export function numberOption(
  flag: string,
  env: string,
  fallback: number,
  argv = process.argv.slice(2),
): number {
  let raw: string | undefined;
  argv.forEach((arg, i) => {
    if (arg === flag) raw = argv[i + 1];
    else if (arg.startsWith(`${flag}=`)) raw = arg.slice(flag.length + 1);
  });
  raw ??= process.env[env];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0)
    throw new Error(`${flag} / ${env} must be a positive number, not "${raw}"`);
  return value;
}
