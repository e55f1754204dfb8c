import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChartPalette } from '../../src/render/charts/canvas.js';
import { hourCellCentre } from '../../src/render/charts/hours.js';
import { shareBarTop, ShareLayout, shareX } from '../../src/render/charts/shares.js';
import { decodePng } from '../support/png.js';
import { startHarness, type Harness } from './harness.js';

const HOUR = 3_600_000;

describe('/frontstats pictures', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness();
    const { state } = h.pk;
    const system = state.addSystem({ name: 'Charted' });
    const a = state.addMember(system, { name: 'Alder', color: 'ff0000' });
    const b = state.addMember(system, { name: 'Birch', color: '0000ff' });
    const now = Date.now();
    // The last 7 days: Alder 168→48 h ago (120 h), Birch 48→0 h ago (48 h): flat 71.4 % and 28.6 %.
    state.addSwitch(system, [a.uuid], now - 200 * HOUR);
    state.addSwitch(system, [b.uuid], now - 48 * HOUR);
    await h.link(h.discord.users.alice, system.token);
  });
  afterAll(() => h.finish());

  /** The bytes of the last picture the bot uploaded to the Discord stand-in. */
  const lastPicture = () => {
    const upload = h.discord.requests.filter((request) => request.files.length > 0).at(-1);
    return decodePng(upload!.files[0]!.data);
  };

  it('attaches the share bars to the stats embed, which keeps its text', async () => {
    const reply = await h.command('frontstats', { range: '7d', flat: true }).reply();
    expect(reply.attachments.map((a) => [a.filename, a.content_type])).toEqual([['frontstats.png', 'image/png']]);
    expect(reply.embeds.at(-1)?.image?.url).toBe('attachment://frontstats.png');
    expect(reply.embeds[0]?.description).toContain('1. **Alder** — 71.4%');
    const png = await lastPicture();
    expect(png.width).toBe(ShareLayout.width);
    const y = (row: number) => shareBarTop(row) + ShareLayout.barHeight / 2;
    expect(png.colourAt(shareX(70), y(0))).toBe('#ff0000');
    expect(png.colourAt(shareX(73), y(0))).toBe(ChartPalette.background);
    expect(png.colourAt(shareX(27), y(1))).toBe('#0000ff');
    expect(png.colourAt(shareX(30), y(1))).toBe(ChartPalette.background);
  });

  it("draws one member's hours of the week on request, and names a member it cannot find", async () => {
    const reply = await h.command('frontstats', { range: '7d', chart: 'hours', member: 'birch' }).reply();
    expect(reply.attachments.map((a) => a.filename)).toEqual(['frontstats-hours.png']);
    const png = await lastPicture();
    // Birch fronted every hour of the last two days, so today's weekday row has a full-colour cell.
    const today = (new Date().getUTCDay() + 6) % 7;
    const hour = (new Date().getUTCHours() + 23) % 24;
    const weekday = hour === 23 ? (today + 6) % 7 : today;
    const { x, y } = hourCellCentre(weekday, hour);
    expect(png.colourAt(x, y)).toBe('#0000ff');
    const unknown = await h.command('frontstats', { chart: 'hours', member: 'Nobody' }).reply();
    expect(unknown.ephemeral).toBe(true);
    expect(unknown.attachments).toEqual([]);
    expect(unknown.content).toContain('Nobody');
  });

  it("autocompletes the member: yours while you type, or the public ones of the user's system you name", async () => {
    const own = h.dispatch(h.discord.autocomplete('frontstats', { chart: 'hours', member: 'bir' }, 'member'));
    await own.waitFor((r) => r.choices !== undefined);
    expect(own.choices?.map((c) => c.name)).toEqual([expect.stringMatching(/^Birch \(/)]);

    const { state } = h.pk;
    const bobs = state.addSystem({ name: 'Bob system', discordUserIds: [h.discord.users.bob.id] });
    const shown = state.addMember(bobs, { name: 'Birchwood' });
    state.addMember(bobs, { name: 'Birch hidden', privacy: { visibility: 'private' } });
    const theirs = h.dispatch(
      h.discord.autocomplete('frontstats', { user: h.discord.users.bob.id, member: 'birch' }, 'member'),
    );
    await theirs.waitFor((r) => r.choices !== undefined);
    expect(theirs.choices?.map((c) => c.value)).toEqual([shown.id]);
  });
});
