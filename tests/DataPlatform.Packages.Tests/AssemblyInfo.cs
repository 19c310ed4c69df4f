// scripts/pack.sh runs once for the assembly (a few minutes); the template and tool tests install from its feed.
[assembly: AssemblyFixture(typeof(DataPlatform.Packages.Tests.PackedFeed))]
