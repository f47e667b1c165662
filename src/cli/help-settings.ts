import { Help, type Command, type HelpConfiguration, type Option } from 'commander';

/** Help settings every command inherits: a required option says "(required)" in the option list. */
export const helpSettings: HelpConfiguration = {
  optionDescription(this: Help, option: Option): string {
    const description = Help.prototype.optionDescription.call(this, option);
    return option.mandatory ? `${description} (required)`.trim() : description;
  },
};

/** `--out <file>` as a usage line writes it: the long name and the value. */
function usageOf(option: Option): string {
  const value = /[<[].*?[>\]]/.exec(option.flags)?.[0];
  return [option.long ?? option.short, value].filter(Boolean).join(' ');
}

/**
 * Puts each command's required options in its usage line ("mesodesk pdf aftercare --out <file>
 * [options] <SESSION_ID>"), where commander writes only "[options]": a user reading the first line
 * should not have to find out from an error that one is needed. Call once the tree is built.
 */
export function showRequiredOptionsInUsage(command: Command): void {
  const required = command.options.filter((o) => o.mandatory);
  if (required.length) command.usage(`${required.map(usageOf).join(' ')} ${command.usage()}`);
  for (const sub of command.commands) showRequiredOptionsInUsage(sub);
}
