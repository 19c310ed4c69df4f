using DataPlatform.Datakits.Chinook.Bronze;
using DataPlatform.Framework.Datakits;
using Microsoft.EntityFrameworkCore;

[assembly: Datakit("chinook", DatakitLayer.Bronze, typeof(ChinookBronzeContext), SourceSchema = "public")]

namespace DataPlatform.Datakits.Chinook.Bronze;

/// <summary>
/// The Chinook bronze layer (<c>br__chinook__public</c>): the 11 source tables, append-only, one row per extracted source row
/// version, mapped by <see cref="BronzeContext"/> from the <c>[BronzeOf]</c> entities (timestamps read as UTC).
/// </summary>
public sealed class ChinookBronzeContext(DbContextOptions options) : BronzeContext(options);
