using DataPlatform.Framework.Naming;
using DataPlatform.Testing;

namespace DataPlatform.Framework.Tests.Fixture;

public sealed class DatabaseNamesTests
{
    [Theory]
    [InlineData("BulkLoaderTests")]
    [InlineData("Schema deployer / history: Ünïcode & spaces")]
    [InlineData("")]
    [InlineData("a_very_long_hint_that_goes_on_and_on_and_on_well_past_the_sixty_three_character_limit_of_postgres")]
    public void Names_are_valid_lowercase_identifiers_of_at_most_63_characters(string hint)
    {
        var name = DatabaseNames.Create(hint);

        Assert.True(SqlIdentifier.IsValid(name), name);
        Assert.Equal(name.ToLowerInvariant(), name);
        Assert.InRange(name.Length, 1, 63);
        Assert.StartsWith("t_", name);
    }

    [Fact]
    public void Names_are_unique()
    {
        var names = Enumerable.Range(0, 500).AsParallel().Select(_ => DatabaseNames.Create("same")).ToList();

        Assert.Equal(names.Count, names.Distinct().Count());
    }
}
