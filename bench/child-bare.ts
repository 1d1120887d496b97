/**
 * The yardstick: a bare discord.js client with default options (only the intents the bot uses and
 * the emulator's REST base), logged into the same emulator, replying to every /ask with a fixed line.
 */
import { once } from 'node:events';
import { Client, Events, GatewayIntentBits } from 'discord.js';
import { reportFailure, serveParent, type ChildCounters } from './child-ipc.js';

const counters: ChildCounters = { handled: 0, failed: 0 };

try {
  const client = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages],
    rest: { api: process.env['DISCORD_API_URL'] ?? '' },
  });
  client.on(Events.InteractionCreate, (interaction) => {
    if (!interaction.isChatInputCommand()) return;
    interaction.reply({ content: 'A fixed reply.' }).then(
      () => counters.handled++,
      () => counters.failed++,
    );
  });
  client.on(Events.Error, () => undefined);
  const ready = once(client, Events.ClientReady);
  await client.login(process.env['DISCORD_TOKEN']);
  await ready;
  serveParent(counters, () => client.destroy());
} catch (err) {
  reportFailure(err);
}
