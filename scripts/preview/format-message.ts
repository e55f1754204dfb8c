import { ButtonStyle, ComponentType, type APIEmbed } from 'discord-api-types/v10';

/** The parts of a Discord message the preview prints. */
export interface PrintableMessage {
  content?: string | null | undefined;
  embeds?: readonly APIEmbed[] | undefined;
  components?: readonly unknown[] | undefined;
  flags?: number | undefined;
}

const ephemeralFlag = 1 << 6;

/** Discord timestamps (`<t:UNIX:R>`) as readable UTC text, so the terminal shows what a user would see. */
function readableTimestamps(text: string, now: Date): string {
  return text.replace(/<t:(-?\d+)(?::([tTdDfFR]))?>/g, (_match, unix: string, style: string | undefined) => {
    const date = new Date(Number(unix) * 1000);
    if (style === 'R') {
      const minutes = Math.round((now.getTime() - date.getTime()) / 60_000);
      if (Math.abs(minutes) < 1) return 'just now';
      if (Math.abs(minutes) < 120) return minutes > 0 ? `${minutes} minutes ago` : `in ${-minutes} minutes`;
      const hours = Math.round(minutes / 60);
      if (Math.abs(hours) < 48) return hours > 0 ? `${hours} hours ago` : `in ${-hours} hours`;
      const days = Math.round(hours / 24);
      return days > 0 ? `${days} days ago` : `in ${-days} days`;
    }
    return date
      .toISOString()
      .replace('T', ' ')
      .replace(/:\d\d\.\d+Z$/, ' UTC');
  });
}

function indent(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((line) => prefix + line)
    .join('\n');
}

function describeComponent(component: Record<string, unknown>): string {
  const disabled = component.disabled === true ? ' (disabled)' : '';
  switch (component.type) {
    case ComponentType.Button: {
      const label = [component.emoji && (component.emoji as { name?: string }).name, component.label]
        .filter(Boolean)
        .join(' ');
      return component.style === ButtonStyle.Link ? `[${label} → ${String(component.url)}]` : `[${label}]${disabled}`;
    }
    case ComponentType.StringSelect: {
      const options = (component.options as { label: string }[] | undefined) ?? [];
      const shown = options
        .slice(0, 5)
        .map((option) => option.label)
        .join(' | ');
      const more = options.length > 5 ? ` | … ${options.length - 5} more` : '';
      const placeholder = typeof component.placeholder === 'string' ? component.placeholder : 'Select';
      return `⌄ ${placeholder}: ${shown}${more}${disabled}`;
    }
    default:
      return `(component type ${String(component.type)})`;
  }
}

/** Renders a message as indented plain text: content, each embed's parts, then buttons and menus. */
export function formatMessage(message: PrintableMessage, now: Date = new Date()): string {
  const lines: string[] = [];
  if (((message.flags ?? 0) & ephemeralFlag) !== 0) lines.push('(only you can see this)');
  if (message.content) lines.push(message.content);
  for (const embed of message.embeds ?? []) {
    const bar = embed.color === undefined ? '│' : `│#${embed.color.toString(16).padStart(6, '0')}`;
    lines.push(`┌─ embed ${bar}`);
    if (embed.author?.name) lines.push(`│ ${embed.author.name}`);
    if (embed.title) lines.push(`│ ## ${embed.title}`);
    if (embed.description) lines.push(indent(embed.description, '│ '));
    for (const field of embed.fields ?? []) {
      lines.push(`│ ▸ ${field.name}${field.inline ? ' (inline)' : ''}`);
      lines.push(indent(field.value, '│     '));
    }
    if (embed.thumbnail?.url) lines.push(`│ [thumbnail] ${embed.thumbnail.url}`);
    if (embed.image?.url) lines.push(`│ [image] ${embed.image.url}`);
    if (embed.footer?.text) lines.push(`│ — ${embed.footer.text}`);
    if (embed.timestamp) lines.push(`│ — ${embed.timestamp}`);
    lines.push('└─');
  }
  for (const row of (message.components ?? []) as { components?: Record<string, unknown>[] }[]) {
    const parts = (row.components ?? []).map(describeComponent);
    if (parts.length > 0) lines.push(parts.join(' '));
  }
  return readableTimestamps(lines.join('\n'), now);
}
