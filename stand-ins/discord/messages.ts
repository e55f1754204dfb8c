import {
  MessageType,
  type APIAttachment,
  type APIEmbed,
  type APIMessage,
  type APIMessageTopLevelComponent,
  type APIUser,
} from 'discord-api-types/v10';

/** `MessageFlags.Ephemeral`. */
export const EPHEMERAL = 64;
/** Flags a message body may set; others (e.g. LOADING) are Discord's to set. */
const SETTABLE_FLAGS = 4 | 64 | 4096 | 32768;
/** Flags an edit may change: SUPPRESS_EMBEDS and IS_COMPONENTS_V2 (ephemeral is fixed at creation). */
const EDITABLE_FLAGS = 4 | 32768;

/** A file that arrived as a multipart part (`files[n]`). */
export interface UploadedFile {
  field: string;
  filename: string;
  contentType: string;
  size: number;
  /** The bytes, so a test or the preview can look at what was sent. */
  data: Buffer;
}

/** What a message looks like now, after every edit: the state tests assert on. */
export interface MessageState {
  id: string;
  channelId: string;
  author: APIUser;
  type: MessageType;
  content: string;
  embeds: APIEmbed[];
  components: APIMessageTopLevelComponent[];
  /** Raw message flags (64 = ephemeral, 32768 = components v2). */
  flags: number;
  /** `flags & 64`, for readable assertions. */
  ephemeral: boolean;
  /** True while a deferred reply shows "is thinking…" and nothing has been edited in yet. */
  loading: boolean;
  deleted: boolean;
  attachments: APIAttachment[];
  /** How many PATCHes changed this message. */
  editCount: number;
  createdAt: number;
  editedAt: number | null;
  /** The interaction that produced it, if any. */
  interactionId: string | null;
}

/** Ingredients for a new message. */
export interface NewMessage {
  id: string;
  channelId: string;
  author: APIUser;
  type?: MessageType;
  interactionId?: string | null;
  loading?: boolean;
}

type Body = Record<string, unknown> | null | undefined;

function toAttachments(files: UploadedFile[], newId: () => string): APIAttachment[] {
  return files.map((file) => {
    const id = newId();
    return {
      id,
      filename: file.filename,
      size: file.size,
      content_type: file.contentType,
      url: `https://cdn.discordapp.com/attachments/stand-in/${id}/${file.filename}`,
      proxy_url: `https://media.discordapp.net/attachments/stand-in/${id}/${file.filename}`,
    };
  });
}

/** Creates the state of a message from a create body (reply, follow-up, channel message). */
export function createMessageState(
  meta: NewMessage,
  body: Body,
  files: UploadedFile[],
  newId: () => string,
): MessageState {
  const flags = (typeof body?.['flags'] === 'number' ? body['flags'] : 0) & SETTABLE_FLAGS;
  return {
    id: meta.id,
    channelId: meta.channelId,
    author: meta.author,
    type: meta.type ?? MessageType.Default,
    content: typeof body?.['content'] === 'string' ? body['content'] : '',
    embeds: (body?.['embeds'] as APIEmbed[] | null | undefined) ?? [],
    components: (body?.['components'] as APIMessageTopLevelComponent[] | null | undefined) ?? [],
    flags,
    ephemeral: (flags & EPHEMERAL) !== 0,
    loading: meta.loading ?? false,
    deleted: false,
    attachments: toAttachments(files, newId),
    editCount: 0,
    createdAt: Date.now(),
    editedAt: null,
    interactionId: meta.interactionId ?? null,
  };
}

/** Applies a PATCH body: fields that are present replace the old ones, `null` clears them. */
export function applyMessageEdit(state: MessageState, body: Body, files: UploadedFile[], newId: () => string): void {
  if (body && 'content' in body) state.content = (body['content'] as string | null) ?? '';
  if (body && 'embeds' in body) state.embeds = (body['embeds'] as APIEmbed[] | null) ?? [];
  if (body && 'components' in body)
    state.components = (body['components'] as APIMessageTopLevelComponent[] | null) ?? [];
  if (typeof body?.['flags'] === 'number')
    state.flags = (state.flags & ~EDITABLE_FLAGS) | (body['flags'] & EDITABLE_FLAGS);
  if (body && Array.isArray(body['attachments'])) {
    const kept = new Set((body['attachments'] as { id?: unknown }[]).map((a) => String(a.id)));
    state.attachments = state.attachments.filter((a) => kept.has(a.id));
  }
  state.attachments.push(...toAttachments(files, newId));
  state.loading = false;
  state.editCount += 1;
  state.editedAt = Date.now();
}

/** The message as Discord's REST API returns it. */
export function toApiMessage(state: MessageState, applicationId: string | null): APIMessage {
  return {
    id: state.id,
    channel_id: state.channelId,
    author: state.author,
    type: state.type,
    content: state.content,
    embeds: state.embeds,
    components: state.components,
    attachments: state.attachments,
    flags: state.flags | (state.loading ? 128 : 0),
    timestamp: new Date(state.createdAt).toISOString(),
    edited_timestamp: state.editedAt === null ? null : new Date(state.editedAt).toISOString(),
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    pinned: false,
    ...(applicationId === null ? {} : { webhook_id: applicationId, application_id: applicationId }),
  };
}

/** Rebuilds a state from an API message (for component interactions on a message the test made up). */
export function stateFromApiMessage(message: APIMessage, interactionId: string | null): MessageState {
  const flags = message.flags ?? 0;
  return {
    id: message.id,
    channelId: message.channel_id,
    author: message.author,
    type: message.type,
    content: message.content,
    embeds: message.embeds,
    components: message.components ?? [],
    flags,
    ephemeral: (flags & EPHEMERAL) !== 0,
    loading: false,
    deleted: false,
    attachments: message.attachments,
    editCount: 0,
    createdAt: Date.parse(message.timestamp),
    editedAt: message.edited_timestamp === null ? null : Date.parse(message.edited_timestamp),
    interactionId,
  };
}
