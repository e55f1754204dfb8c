import { MessageFlags } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { ProgressLine } from '../../src/discord/progress-line.js';
import { Responder } from '../../src/discord/responder.js';
import { createLogger } from '../../src/log.js';
import { FakeInteraction } from './fake-interaction.js';

const noMentions = { parse: [] };
const log = createLogger({ level: 'silent' });

function responderFor(ephemeral = true) {
  const fake = new FakeInteraction({ kind: 'chat' });
  const respond = new Responder(fake.interaction, { mode: 'reply', ephemeral, deferAfterMs: 60_000 });
  return { fake, respond };
}

describe('Responder: a progress line in place of the answer', () => {
  it('replies with the line, edits it, then edits the answer with its files into the same message', async () => {
    const { fake, respond } = responderFor();
    await respond.progress({ content: 'Loading switches…' });
    await respond.progress({ content: 'Loading switches… 100 so far' });
    const data = Buffer.from('a,b\r\n');
    await respond.send({ content: 'Here it is', files: [{ name: 'history.csv', data }] });
    expect(fake.methods).toEqual(['reply', 'editReply', 'editReply']);
    expect(fake.calls[0]!.body).toMatchObject({ content: 'Loading switches…', flags: MessageFlags.Ephemeral });
    expect(fake.calls[2]!.body).toEqual({
      content: 'Here it is',
      files: [{ attachment: data, name: 'history.csv' }],
      allowedMentions: noMentions,
    });
    respond.dispose();
  });

  it('turns a private progress line into the error, so no "Loading…" is left behind', async () => {
    const { fake, respond } = responderFor();
    await respond.progress({ content: 'Loading switches…' });
    await respond.error('That export would be too large.');
    expect(fake.methods).toEqual(['reply', 'editReply']);
    expect(fake.calls[1]!.body).toMatchObject({ content: 'That export would be too large.', embeds: [] });
  });

  it('removes a public progress line and tells the error privately', async () => {
    const { fake, respond } = responderFor(false);
    await respond.progress({ content: 'Loading switches…' });
    await respond.error('failed');
    expect(fake.methods).toEqual(['reply', 'deleteReply', 'followUp']);
  });
});

describe('ProgressLine', () => {
  it('always shows the first update, then at most one edit a second, one per update at most', async () => {
    const { fake, respond } = responderFor();
    let now = 0;
    const line = new ProgressLine(respond, log, () => now);
    await line.show('Loading switches…');
    await line.update('100 so far');
    now = 999;
    await line.update('200 so far');
    now = 1000;
    await line.update('300 so far');
    await line.update('400 so far');
    now = 2500;
    await line.update('500 so far');
    expect(fake.calls.map((call) => (call.body as { content?: string }).content)).toEqual([
      'Loading switches…',
      '100 so far',
      '300 so far',
      '500 so far',
    ]);
    respond.dispose();
  });

  it('goes on when an edit fails: progress is never worth failing the answer', async () => {
    const { fake, respond } = responderFor();
    const line = new ProgressLine(respond, log, () => 0);
    await line.show('Loading switches…');
    fake.failNext('editReply', new Error('Discord hiccup'));
    await expect(line.update('100 so far')).resolves.toBeUndefined();
    await respond.send({ content: 'done' });
    expect(fake.methods).toEqual(['reply', 'editReply', 'editReply']);
    respond.dispose();
  });
});
