using Acme.Datakits.Bronze;
using DataPlatform.Framework.Datakits;
using Microsoft.EntityFrameworkCore;

[assembly: Datakit("acme", DatakitLayer.Bronze, typeof(AcmeBronzeContext), SourceSchema = "SOURCE_SCHEMA")]

namespace Acme.Datakits.Bronze;

/// <summary>
/// The acme bronze layer (<c>br__acme__SOURCE_SCHEMA</c>): one append-only table per source table, one row per extracted
/// source row version, mapped by <see cref="BronzeContext"/> from the <c>[BronzeOf]</c> entities.
/// </summary>
public sealed class AcmeBronzeContext(DbContextOptions options) : BronzeContext(options);
