// The reference peer: PostGraphile v5 (Amber preset) over the same tables, on loopback, with
// postgraphile-plugin-connection-filter so the filtered workload has an equivalent (`filter:`;
// relations on, so a search by operating system title and architecture name has one too). Every
// column is filterable and orderable (PgIndexBehaviorsPlugin off): our filter takes visibility and
// hidden, which have no index of their own, and PostGraphile otherwise offers only indexed ones.
//   node bench/peer.mjs <databaseUrl> <port>
import { createServer } from 'node:http';
import { postgraphile } from 'postgraphile';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';
import { PostGraphileConnectionFilterPreset } from 'postgraphile-plugin-connection-filter';

const [connectionString, port = '0'] = process.argv.slice(2);
const pgl = postgraphile({
  extends: [PostGraphileAmberPreset, PostGraphileConnectionFilterPreset],
  disablePlugins: ['PgIndexBehaviorsPlugin'],
  schema: { connectionFilterRelations: true },
  pgServices: [makePgService({ connectionString, schemas: ['public'], poolConfig: { max: 10 } })],
  grafserv: { graphqlPath: '/graphql', graphiql: false },
  grafast: { explain: false },
});
const server = createServer();
pgl.createServ(grafserv).addTo(server);
server.listen(Number(port), '127.0.0.1', () => {
  console.log(`PostGraphile at http://127.0.0.1:${server.address().port}/graphql`);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => server.close(() => pgl.release().then(() => process.exit(0))));
