import { Routes, type APIApplicationCommand, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { describeSync, diffCommands, syncCommands } from '../../src/bot/sync.js';
import { commandDefinitions } from '../../src/commands/index.js';

const APP = '100000000000000001';
const GUILD = '400000000000000004';

/** What Discord returns for a registered command: our definition plus ids, versions and explicit defaults. */
function asRegistered(def: RESTPostAPIChatInputApplicationCommandsJSONBody, i: number): APIApplicationCommand {
  return {
    id: `80000000000000000${i}`,
    application_id: APP,
    version: '1',
    type: 1,
    default_member_permissions: null,
    dm_permission: true,
    nsfw: false,
    name_localizations: null,
    description_localizations: null,
    ...def,
    // Discord omits `required: false`, spells out nothing else for booleans we left unset.
    options: def.options?.map((o) => ({ ...o, description_localizations: null })),
  } as unknown as APIApplicationCommand;
}

function fakeRest(registered: unknown[]) {
  const calls: Array<{ method: 'get' | 'put'; route: string; body?: unknown }> = [];
  return {
    calls,
    rest: {
      async get(route: string) {
        calls.push({ method: 'get', route });
        return registered;
      },
      async put(route: string, options?: { body?: unknown }) {
        calls.push({ method: 'put', route, body: options?.body });
        return options?.body;
      },
    } as never,
  };
}

describe('syncCommands', () => {
  const ours = commandDefinitions();

  it('GIVEN the registered commands equal ours THEN fetches and does not PUT', async () => {
    const { rest, calls } = fakeRest(ours.map(asRegistered));
    const result = await syncCommands({ rest, applicationId: APP, commands: ours });
    expect(calls).toEqual([{ method: 'get', route: Routes.applicationCommands(APP) }]);
    expect(result).toMatchObject({ action: 'unchanged', scope: 'global', count: 4, changed: [] });
  });

  it('GIVEN registered commands in another order THEN still equal', async () => {
    const { rest, calls } = fakeRest(ours.map(asRegistered).reverse());
    await syncCommands({ rest, applicationId: APP, commands: ours });
    expect(calls.map((c) => c.method)).toEqual(['get']);
  });

  it('GIVEN nothing registered THEN PUTs all commands to the guild when a guild is configured', async () => {
    const { rest, calls } = fakeRest([]);
    const result = await syncCommands({ rest, applicationId: APP, guildId: GUILD, commands: ours });
    expect(calls).toEqual([
      { method: 'get', route: Routes.applicationGuildCommands(APP, GUILD) },
      { method: 'put', route: Routes.applicationGuildCommands(APP, GUILD), body: ours },
    ]);
    expect(result).toMatchObject({ action: 'updated', scope: 'guild', changed: ['ask', 'topics', 'source', 'help'] });
    expect(describeSync(result)).toBe(`Registered 4 slash commands in server ${GUILD} (changed: ask, topics, source, help).`);
  });

  it.each<[string, (c: Record<string, unknown>) => void]>([
    ['a description', (c) => (c['description'] = 'old text')],
    ['an option max_length', (c) => ((c['options'] as Array<Record<string, unknown>>)[0]!['max_length'] = 200)],
    ['autocomplete off', (c) => ((c['options'] as Array<Record<string, unknown>>)[0]!['autocomplete'] = false)],
    ['a required flag', (c) => ((c['options'] as Array<Record<string, unknown>>)[1]!['required'] = true)],
    ['an extra option', (c) => (c['options'] as unknown[]).push({ type: 3, name: 'extra', description: 'x' })],
    ['contexts', (c) => (c['contexts'] = [0])],
    ['default member permissions', (c) => (c['default_member_permissions'] = '8')],
    ['dm permission off', (c) => (c['dm_permission'] = false)],
  ])('GIVEN %s differs on /ask THEN PUTs', async (_what, mutate) => {
    const registered = ours.map(asRegistered) as unknown as Array<Record<string, unknown>>;
    const ask = structuredClone(registered[0]!);
    mutate(ask);
    registered[0] = ask;
    const { rest, calls } = fakeRest(registered);
    const result = await syncCommands({ rest, applicationId: APP, commands: ours });
    expect(calls.map((c) => c.method)).toEqual(['get', 'put']);
    expect(result.changed).toEqual(['ask']);
  });

  it('GIVEN a stale extra command registered THEN PUTs to remove it', async () => {
    const registered = [...ours.map(asRegistered), asRegistered({ name: 'old', description: 'gone' }, 9)];
    expect(diffCommands(ours, registered)).toEqual(['old']);
  });

  it('GIVEN --force THEN PUTs even when equal', async () => {
    const { rest, calls } = fakeRest(ours.map(asRegistered));
    const result = await syncCommands({ rest, applicationId: APP, commands: ours, force: true });
    expect(calls.map((c) => c.method)).toEqual(['get', 'put']);
    expect(result.action).toBe('updated');
  });

  it('GIVEN an unchanged result THEN describes it in one line', () => {
    expect(describeSync({ action: 'unchanged', scope: 'global', guildId: undefined, count: 4, changed: [] })).toBe(
      'Slash commands are already up to date globally (4 commands); nothing to do.',
    );
  });
});
