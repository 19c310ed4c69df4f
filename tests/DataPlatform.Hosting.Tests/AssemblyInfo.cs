// One PostgreSQL 15 server per test assembly (DATAPLATFORM_TEST_PG, else Testcontainers, else a local initdb cluster);
// each test class creates databases of its own on it. Test classes run in parallel with xunit's default
// (one thread per core), which keeps the server's load modest on the 2-core CI machine.
[assembly: AssemblyFixture(typeof(DataPlatform.Testing.PostgresServer))]
