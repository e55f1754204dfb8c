import { MessageFlags } from 'discord.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PrivateInfoNote } from '../../src/discord/owner-view.js';
import { Responder, type ResponderOptions } from '../../src/discord/responder.js';
import { FakeInteraction, type FakeInteractionOptions, type FakeKind } from './fake-interaction.js';

const noMentions = { parse: [] };

function responderFor(
  kind: FakeKind,
  options: Partial<ResponderOptions> = {},
  extra: Partial<FakeInteractionOptions> = {},
) {
  const fake = new FakeInteraction({ kind, ...extra });
  const mode = kind === 'button' || kind === 'modal-from-message' ? 'update' : 'reply';
  const respond = new Responder(fake.interaction, { mode, ephemeral: true, deferAfterMs: 60_000, ...options });
  return { fake, respond };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('Responder: deferring when the answer is slow', () => {
  it('defers a silent command after deferAfterMs, privately when the answer will be private, then edits the answer in', async () => {
    const { fake, respond } = responderFor('chat', { deferAfterMs: 5 });
    await vi.waitFor(() => expect(fake.methods).toEqual(['deferReply']));
    expect(fake.only('deferReply')).toEqual({ flags: MessageFlags.Ephemeral });
    await respond.send({ content: 'done' });
    expect(fake.methods).toEqual(['deferReply', 'editReply']);
    expect(fake.only('editReply')).toEqual({ content: 'done', allowedMentions: noMentions });
    respond.dispose();
  });

  it('defers a public command publicly (a deferral fixes who sees the answer)', async () => {
    const { fake, respond } = responderFor('chat', { deferAfterMs: 5, ephemeral: false });
    await vi.waitFor(() => expect(fake.methods).toEqual(['deferReply']));
    expect(fake.only('deferReply')).toEqual({ flags: undefined });
    respond.dispose();
  });

  it('defers a click by deferring the update of its message', async () => {
    const { fake, respond } = responderFor('button', { deferAfterMs: 5 });
    await vi.waitFor(() => expect(fake.methods).toEqual(['deferUpdate']));
    await respond.send({ content: 'page 2' });
    expect(fake.methods).toEqual(['deferUpdate', 'editReply']);
    respond.dispose();
  });

  it('does not defer before deferAfterMs, nor ever once it answered', async () => {
    vi.useFakeTimers();
    const { fake, respond } = responderFor('chat', { deferAfterMs: 1_000 });
    await vi.advanceTimersByTimeAsync(999);
    expect(fake.methods).toEqual([]);
    await respond.send({ content: 'quick' });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(fake.methods).toEqual(['reply']);
  });

  it('does not defer after dispose', async () => {
    vi.useFakeTimers();
    const { fake, respond } = responderFor('chat', { deferAfterMs: 1_000 });
    respond.dispose();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(fake.methods).toEqual([]);
    expect(respond.acknowledged).toBe(false);
  });
});

describe('Responder: one initial answer', () => {
  it('replies first, then edits: a second send never replies again', async () => {
    const { fake, respond } = responderFor('chat', { ephemeral: false });
    expect(respond.acknowledged).toBe(false);
    await respond.send({ content: 'one' });
    expect(respond.acknowledged).toBe(true);
    await respond.send({ content: 'two' });
    expect(fake.methods).toEqual(['reply', 'editReply']);
    expect(fake.only('reply')).toEqual({ content: 'one', allowedMentions: noMentions, flags: undefined });
  });

  it('updates the message a control sits on, and leaves out parts that were not given', async () => {
    const { fake, respond } = responderFor('button');
    await respond.send({ content: undefined, embeds: [{ title: 'x' }], components: undefined });
    expect(fake.only('update')).toEqual({ embeds: [{ title: 'x' }], allowedMentions: noMentions });
  });

  it('sends a note as the private reply when nothing was sent yet, and as a private follow-up after', async () => {
    const first = responderFor('chat', { ephemeral: false });
    await first.respond.note('expired');
    expect(first.fake.only('reply')).toEqual({
      content: 'expired',
      flags: MessageFlags.Ephemeral,
      allowedMentions: noMentions,
    });

    const second = responderFor('button');
    await second.respond.send({ components: [] });
    await second.respond.note('expired');
    expect(second.fake.methods).toEqual(['update', 'followUp']);
    expect(second.fake.only('followUp')).toEqual({
      content: 'expired',
      flags: MessageFlags.Ephemeral,
      allowedMentions: noMentions,
    });
  });

  it('opens a modal only as the first answer', async () => {
    const { fake, respond } = responderFor('chat');
    await respond.showModal({ customId: 'x:open:-:', title: 'Form', components: [] });
    expect(respond.acknowledged).toBe(true);
    await expect(respond.showModal({ customId: 'x:open:-:', title: 'Again', components: [] })).rejects.toThrow(
      /first response/,
    );
    expect(fake.methods).toEqual(['showModal']);
  });

  it("adds the private-info note when a click edits a public message that shows the owner's view", async () => {
    const footers = [`3 members · ${PrivateInfoNote}`];
    const publicOne = responderFor('button', {}, { message: { ephemeral: false, footers } });
    await publicOne.respond.send({ embeds: [{ title: 'page 2', footer: { text: 'page 2/3' } }] });
    expect(publicOne.fake.only('update')).toMatchObject({
      embeds: [{ footer: { text: `page 2/3 · ${PrivateInfoNote}` } }],
    });

    const privateOne = responderFor('button', {}, { message: { ephemeral: true, footers } });
    await privateOne.respond.send({ embeds: [{ title: 'page 2', footer: { text: 'page 2/3' } }] });
    expect(privateOne.fake.only('update')).toMatchObject({ embeds: [{ footer: { text: 'page 2/3' } }] });
  });
});

describe('Responder: errors', () => {
  it('replies privately with the error, clearing embeds and controls, when nothing was sent', async () => {
    const { fake, respond } = responderFor('chat', { ephemeral: false });
    await respond.error('bad input');
    const cleared = { embeds: [], components: [], allowedMentions: noMentions };
    expect(fake.only('reply')).toEqual({ content: 'bad input', ...cleared, flags: MessageFlags.Ephemeral });
  });

  it('edits a private deferral into the error', async () => {
    const { fake, respond } = responderFor('chat', { deferAfterMs: 5 });
    await vi.waitFor(() => expect(fake.methods).toEqual(['deferReply']));
    await respond.error('PluralKit is down');
    expect(fake.methods).toEqual(['deferReply', 'editReply']);
    expect(fake.only('editReply')).toEqual({
      content: 'PluralKit is down',
      embeds: [],
      components: [],
      allowedMentions: noMentions,
    });
  });

  it('deletes a public deferral and tells the user privately, so no "thinking…" stays in the channel', async () => {
    const { fake, respond } = responderFor('chat', { deferAfterMs: 5, ephemeral: false });
    await vi.waitFor(() => expect(fake.methods).toEqual(['deferReply']));
    await respond.error('PluralKit is down');
    expect(fake.methods).toEqual(['deferReply', 'deleteReply', 'followUp']);
    expect(fake.only('followUp')).toMatchObject({ content: 'PluralKit is down', flags: MessageFlags.Ephemeral });
  });

  it('keeps a public answer already sent and adds the error as a private follow-up', async () => {
    const { fake, respond } = responderFor('chat', { deferAfterMs: 5, ephemeral: false });
    await vi.waitFor(() => expect(fake.methods).toEqual(['deferReply']));
    await respond.send({ content: 'page 1' });
    await respond.error('page 2 failed');
    expect(fake.methods).toEqual(['deferReply', 'editReply', 'followUp']);
  });

  it('keeps the message of a deferred click and adds the error as a private follow-up', async () => {
    const { fake, respond } = responderFor('button', { deferAfterMs: 5 });
    await vi.waitFor(() => expect(fake.methods).toEqual(['deferUpdate']));
    await respond.error('failed');
    expect(fake.methods).toEqual(['deferUpdate', 'followUp']);
  });
});

describe('Responder: one answer at a time', () => {
  it('waits for a slow reply before the next answer, and the deferral timer then finds it answered', async () => {
    vi.useFakeTimers();
    const { fake, respond } = responderFor('chat', { deferAfterMs: 5 });
    const release = fake.hold('reply');
    const sent = respond.send({ content: 'answer' });
    const noted = respond.note('and a note');
    // Long past deferAfterMs, with the reply still in flight: nothing else may go out.
    await vi.advanceTimersByTimeAsync(1_000);
    expect(fake.methods).toEqual(['reply']);
    release();
    await Promise.all([sent, noted]);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(fake.methods).toEqual(['reply', 'followUp']);
  });

  it('lets the command answer after the deferral the timer started, instead of racing it', async () => {
    vi.useFakeTimers();
    const { fake, respond } = responderFor('chat', { deferAfterMs: 5 });
    const release = fake.hold('deferReply');
    await vi.advanceTimersByTimeAsync(5);
    expect(fake.methods).toEqual(['deferReply']);
    const sent = respond.send({ content: 'answer' });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(fake.methods).toEqual(['deferReply']);
    release();
    await sent;
    expect(fake.methods).toEqual(['deferReply', 'editReply']);
  });

  it('goes on answering after one answer failed', async () => {
    const { fake, respond } = responderFor('chat');
    fake.failNext('reply', new Error('Discord said no'));
    await expect(respond.send({ content: 'first' })).rejects.toThrow('Discord said no');
    expect(respond.acknowledged).toBe(false);
    await respond.error('second');
    expect(fake.methods).toEqual(['reply', 'reply']);
    expect(fake.calls[1]!.body).toMatchObject({ content: 'second', flags: MessageFlags.Ephemeral });
  });
});
