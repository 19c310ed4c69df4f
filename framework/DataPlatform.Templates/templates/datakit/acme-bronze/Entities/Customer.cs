using DataPlatform.Framework.Mixins;
using S = Acme.Datakits.Source.Entities;

namespace Acme.Datakits.Bronze.Entities;

/// <summary>An extracted version of a <c>SOURCE_SCHEMA.customer</c> row; the properties are generated from the source entity.</summary>
[BronzeOf(typeof(S.Customer), nameof(S.Customer.CustomerId))]
public sealed partial class Customer : BronzeRecord;
