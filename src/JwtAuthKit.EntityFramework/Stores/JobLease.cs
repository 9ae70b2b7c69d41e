namespace JwtAuthKit.EntityFramework.Stores;

/// <summary>A scheduled job's lease (table <c>jak_job_leases</c>): the node that runs it until <see cref="LeasedUntil"/>.</summary>
internal sealed class JobLease
{
    public required string Name { get; init; }

    public required string Holder { get; set; }

    public DateTimeOffset LeasedUntil { get; set; }
}
