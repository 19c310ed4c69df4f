// One PostgreSQL server for the test assembly (DataPlatform.Testing): DATAPLATFORM_TEST_PG when set, else a Testcontainers
// container when Docker answers, else a throw-away cluster from the local PostgreSQL binaries. Tests create databases of their own.
[assembly: AssemblyFixture(typeof(DataPlatform.Testing.PostgresServer))]
