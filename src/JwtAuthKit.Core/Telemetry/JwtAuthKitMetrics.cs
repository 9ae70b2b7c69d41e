using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace JwtAuthKit.Telemetry;

/// <summary>
/// JwtAuthKit's instruments and activity source, one set per service provider: created through the host's
/// <see cref="IMeterFactory"/> when there is one, so a listener can tell two hosts in one process apart.
/// </summary>
/// <remarks>
/// Tags are bounded and carry no personal data or secret: an application id, a sign-in method, an error code, a
/// message kind (OWASP ASVS 7.1.1: no credentials or session tokens in logs, and telemetry is a log).
/// </remarks>
internal sealed class JwtAuthKitMetrics : IDisposable
{
    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Counter<long> _signIns;
    private readonly Counter<long> _signInFailures;
    private readonly Counter<long> _refreshes;
    private readonly Counter<long> _refreshReuse;
    private readonly Counter<long> _throttled;
    private readonly Histogram<double> _hashDuration;
    private readonly Counter<long> _cleanedUp;
    private readonly Counter<long> _keyRotations;
    private Email.EmailOutboxBacklog _backlog = Email.EmailOutboxBacklog.Empty;

    public JwtAuthKitMetrics(IMeterFactory? meterFactory = null)
    {
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(JwtAuthKitTelemetry.MeterName) ?? new Meter(JwtAuthKitTelemetry.MeterName);
        ActivitySource = new ActivitySource(JwtAuthKitTelemetry.ActivitySourceName);
        _signIns = _meter.CreateCounter<long>("jwtauthkit.sign_ins", "{sign_in}", "Sessions started by any sign-in method.");
        _signInFailures = _meter.CreateCounter<long>("jwtauthkit.sign_in.failures", "{failure}", "Refused sign-in steps (password, mfa, otp, magic_link), by error code.");
        _refreshes = _meter.CreateCounter<long>("jwtauthkit.refreshes", "{refresh}", "Refresh tokens exchanged for a new token pair.");
        _refreshReuse = _meter.CreateCounter<long>("jwtauthkit.refresh.reuse_detections", "{detection}", "Rotated refresh tokens replayed after the grace window (the session is revoked).");
        _throttled = _meter.CreateCounter<long>("jwtauthkit.throttled", "{attempt}", "Attempts refused because an account is throttled after failures.");
        _cleanedUp = _meter.CreateCounter<long>("jwtauthkit.cleanup.deleted", "{row}", "Rows the hourly clean-up deleted, by kind.");
        _keyRotations = _meter.CreateCounter<long>("jwtauthkit.signing_keys.rotations", "{rotation}", "Scheduled signing-key rotations this node made (of several nodes, one makes each).");
        _hashDuration = _meter.CreateHistogram<double>("jwtauthkit.password.hash.duration", "s", "Time to hash or verify a password.");
        OutboxDepth = _meter.CreateObservableGauge("jwtauthkit.outbox.depth", () => Volatile.Read(ref _backlog).Pending, "{message}", "Messages waiting in the email outbox.");
        OutboxOldestAge = _meter.CreateObservableGauge("jwtauthkit.outbox.oldest_pending_age", () => Volatile.Read(ref _backlog).OldestAge.TotalSeconds, "s", "Age of the oldest message waiting in the email outbox.");
    }

    /// <summary>The source of JwtAuthKit's spans (sign-in, refresh, outbox delivery).</summary>
    public ActivitySource ActivitySource { get; }

    public ObservableGauge<int> OutboxDepth { get; }

    public ObservableGauge<double> OutboxOldestAge { get; }

    /// <summary>Whether anything listens to the outbox gauges, so their figures are worth reading from the store.</summary>
    public bool OutboxGaugesObserved => OutboxDepth.Enabled || OutboxOldestAge.Enabled;

    public void SignedIn(string method) => _signIns.Add(1, new KeyValuePair<string, object?>("jwtauthkit.method", method));

    public void SignInFailed(string method, string reason) =>
        _signInFailures.Add(1, new KeyValuePair<string, object?>("jwtauthkit.method", method), new KeyValuePair<string, object?>("jwtauthkit.reason", reason));

    /// <summary>Counts a refused sign-in step of <paramref name="method"/> by its error code, and hands the result back.</summary>
    public Result<T> CountFailure<T>(string method, Result<T> result)
    {
        if (!result.Succeeded)
        {
            SignInFailed(method, result.Error.Code);
        }

        return result;
    }

    public void Refreshed() => _refreshes.Add(1);

    public void RefreshReuseDetected() => _refreshReuse.Add(1);

    public void Throttled(string kind) => _throttled.Add(1, new KeyValuePair<string, object?>("jwtauthkit.kind", kind));

    public void PasswordHashed(string operation, TimeSpan elapsed) =>
        _hashDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("jwtauthkit.operation", operation));

    public void CleanedUp(Maintenance.ExpiredRecords records, int count) =>
        _cleanedUp.Add(count, new KeyValuePair<string, object?>("jwtauthkit.kind", records.ToString()));

    public void SigningKeyRotated() => _keyRotations.Add(1);

    /// <summary>Keeps the outbox figures the gauges report (read by the delivery loop, never in the gauge callback).</summary>
    public void OutboxMeasured(Email.EmailOutboxBacklog backlog) => Volatile.Write(ref _backlog, backlog);

    public void Dispose()
    {
        ActivitySource.Dispose();
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }
}
