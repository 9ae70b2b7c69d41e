namespace JwtAuthKit.HostApp.Dashboard;

/// <summary>The dashboard's settings (<c>JwtAuthKit:Dashboard</c>).</summary>
internal sealed class DashboardOptions
{
    public const string SectionName = "JwtAuthKit:Dashboard";

    /// <summary>Anyone may create a dashboard account and applications. <value>The default value is <see langword="false"/>.</value></summary>
    public bool SignupEnabled { get; set; }

    /// <summary>Operators must enrol an authenticator before they use the dashboard. <value>The default value is <see langword="false"/>.</value></summary>
    public bool RequireMfa { get; set; }
}
