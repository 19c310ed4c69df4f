// One PostgreSQL 15 server per test assembly (DATAPLATFORM_TEST_PG, else Testcontainers, else a local initdb cluster).
[assembly: AssemblyFixture(typeof(DataPlatform.Testing.PostgresServer))]
