using DataPlatform.Testing;

namespace DataPlatform.Framework.Tests.Fixture;

public sealed class PagilaDumpTests
{
    [Fact]
    public void The_dump_is_found_by_walking_up_from_the_test_binaries()
    {
        var dump = PagilaDump.Locate(null, AppContext.BaseDirectory);

        Assert.True(File.Exists(dump.SchemaFile));
        Assert.True(File.Exists(dump.DataFile));
        Assert.EndsWith(Path.Combine("shared", "pagila"), dump.Directory);
    }

    [Fact]
    public void A_configured_directory_without_the_files_fails_clearly()
    {
        var exception = Assert.Throws<FileNotFoundException>(() => PagilaDump.Locate("/nonexistent/pagila", AppContext.BaseDirectory));

        Assert.Contains("DATAPLATFORM_PAGILA_DIR", exception.Message);
    }

    [Fact]
    public void A_missing_dump_fails_naming_where_to_put_it()
    {
        var exception = Assert.Throws<FileNotFoundException>(() => PagilaDump.Locate(null, "/"));

        Assert.Contains("shared/", exception.Message);
        Assert.Contains("DATAPLATFORM_PAGILA_DIR", exception.Message);
    }
}
