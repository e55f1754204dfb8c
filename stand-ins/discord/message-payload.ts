import { MessageType, type APIMessage, type APIUser } from 'discord-api-types/v10';

/** What a message a user (or a webhook) posted needs to say; the rest is Discord's defaults. */
export interface PostedMessage {
  id: string;
  channelId: string;
  author: APIUser;
  content: string;
  sentAt: Date;
  webhookId?: string | undefined;
}

/** A plain message as Discord hands it to a message menu: no embeds, attachments or mentions. */
export function postedMessage(message: PostedMessage): APIMessage {
  return {
    id: message.id,
    channel_id: message.channelId,
    author: message.author,
    content: message.content,
    timestamp: message.sentAt.toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    pinned: false,
    type: MessageType.Default,
    components: [],
    ...(message.webhookId !== undefined && { webhook_id: message.webhookId }),
  };
}
