using S = DataPlatform.Datakits.Chinook.Source.Entities;

namespace DataPlatform.Datakits.Chinook.Bronze.Entities;

/// <summary>An extracted version of a <c>public.employee</c> row.</summary>
[BronzeOf(typeof(S.Employee), nameof(S.Employee.EmployeeId))]
public sealed partial class Employee : BronzeRecord;
