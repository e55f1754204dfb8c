import type { System } from '../pluralkit/index.js';

/** The confirmation a user sees after linking, by modal or by DM. */
export function linkedReply(system: System): { content: string } {
  const name = system.name === null ? '' : `**${system.name.replace(/([*_`~|\\])/g, '\\$1')}** `;
  return {
    content:
      `✅ Linked your PluralKit system ${name}(\`${system.id}\`). Your token is sealed and only used for your own commands.\n` +
      'Try `/fronters` or `/system`. `/unlink` forgets the token at once.',
  };
}
