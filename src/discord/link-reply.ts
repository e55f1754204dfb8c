import type { LinkResult } from '../accounts.js';
import { describeCredential } from '../pluralkit/index.js';

function bold(name: string | null): string {
  return name === null ? '' : `**${name.replace(/([*_`~|\\])/g, '\\$1')}** `;
}

/** "This replaces …": said whenever a link replaced another, naming the old system when it differs. */
function replacedLine(result: LinkResult): string {
  const { previous, system } = result;
  if (previous === undefined) return '';
  if (previous.uuid === system.uuid) return 'This replaces your earlier link to the same system.\n';
  return `This replaces your earlier link to ${bold(previous.name)}(\`${previous.id}\`); I no longer use that token.\n`;
}

/** The confirmation a user sees after linking, by modal or by DM: what was linked, replaced and allowed. */
export function linkedReply(result: LinkResult): { content: string } {
  const { system } = result;
  return {
    content:
      `✅ Linked your PluralKit system ${bold(system.name)}(\`${system.id}\`). Your token is sealed and only used for your own commands.\n` +
      replacedLine(result) +
      `${describeCredential(result.token)}\n` +
      'Try `/fronters` or `/system`. `/unlink` forgets the token at once.',
  };
}
