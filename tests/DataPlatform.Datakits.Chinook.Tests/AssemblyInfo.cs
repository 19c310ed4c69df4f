// One PostgreSQL 15 server per test assembly (DATAPLATFORM_TEST_PG, else Testcontainers, else a local initdb cluster);
// each test class creates databases of its own on it.
[assembly: AssemblyFixture(typeof(DataPlatform.Testing.PostgresServer))]
