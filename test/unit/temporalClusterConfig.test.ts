/**
 * The Temporal server's configuration is generated as JSON under a YAML comment. These checks read
 * it back with a YAML parser, as the server does, and hold what the cluster cannot start without:
 * the SQL stores on Herald's server and credentials, the shard count, and ports that do not collide
 * with each other (nor, when shifted, with a dev server on the standard ones).
 */
import { parse } from 'yaml';
import { clusterConfigYaml, clusterPorts, postgresEndpoint, type ClusterSettings } from '../../scripts/services/temporalClusterConfig';

const settings: ClusterSettings = {
  postgresUrl: 'postgres://her%40ld:p%3Ass@db.internal:6543/herald',
  database: 'temporal',
  port: 7433,
  historyShards: 4,
  maxConns: 10,
};

const allPorts = (port: number) => Object.values(clusterPorts(port)).flatMap((s) => Object.values(s));

it('reads back as YAML with both SQL stores on the URL’s server, decoded credentials and the shard count', () => {
  const config = parse(clusterConfigYaml(settings));
  expect(config.persistence.numHistoryShards).toBe(4);
  expect(config.persistence.datastores['postgres-default'].sql).toMatchObject({
    pluginName: 'postgres12',
    databaseName: 'temporal',
    connectAddr: 'db.internal:6543',
    user: 'her@ld',
    password: 'p:ss',
  });
  expect(config.persistence.datastores['postgres-visibility'].sql).toMatchObject({ databaseName: 'temporal_visibility', connectAddr: 'db.internal:6543' });
  expect(config.services.frontend.rpc).toEqual({ grpcPort: 7433, membershipPort: 7133, httpPort: 7443, bindOnLocalHost: true });
  expect(config.clusterMetadata.clusterInformation.active.rpcAddress).toBe('127.0.0.1:7433');
});

it('keeps Temporal’s standard ports on 7233, and a shifted cluster clear of them', () => {
  expect(allPorts(7233).sort()).toEqual([6933, 6934, 6935, 6939, 7233, 7234, 7235, 7239, 7243]);
  const shifted = allPorts(7433);
  expect(new Set(shifted).size).toBe(shifted.length);
  expect(shifted.filter((p) => allPorts(7233).includes(p))).toEqual([]);
});

it('defaults the Postgres port to 5432', () => {
  expect(postgresEndpoint('postgres://u:p@localhost/db')).toEqual({ host: 'localhost', port: 5432, user: 'u', password: 'p' });
});
