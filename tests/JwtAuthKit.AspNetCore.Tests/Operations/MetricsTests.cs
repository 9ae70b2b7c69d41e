using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net.Http.Json;
using JwtAuthKit.AspNetCore.Tests.Infrastructure;
using JwtAuthKit.Telemetry;
using Microsoft.Extensions.DependencyInjection;

namespace JwtAuthKit.AspNetCore.Tests.Operations;

/// <summary>The JwtAuthKit meter and activity source, seen by a plain <see cref="MeterListener"/> on a real host.</summary>
public sealed class MetricsTests : IAsyncLifetime
{
    private TestHost _host = null!;
    private MeterListener _listener = null!;
    private readonly ConcurrentQueue<(string Name, double Value, Dictionary<string, object?> Tags)> _measurements = new();

    public async Task InitializeAsync()
    {
        _host = await TestHost.StartAsync();
        var factory = _host.Services.GetRequiredService<IMeterFactory>();
        _listener = new MeterListener
        {
            // Only this host's meter: other tests' hosts in this process publish under the same name.
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == JwtAuthKitTelemetry.MeterName && instrument.Meter.Scope == factory)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
    }

    public async Task DisposeAsync()
    {
        _listener.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task A_sign_in_and_a_failed_sign_in_move_the_counters_without_the_address_in_any_tag()
    {
        var email = Unique.Email();
        (await _host.Client.RegisterAsync(email)).EnsureSuccessStatusCode();

        (await _host.Client.LoginAsync(email)).EnsureSuccessStatusCode();
        (await _host.Client.LoginAsync(email, "not the right password")).StatusCode.Should().Be(System.Net.HttpStatusCode.Unauthorized);

        Sum("jwtauthkit.sign_ins").Should().Be(1);
        Tags("jwtauthkit.sign_ins").Should().ContainSingle().Which["jwtauthkit.method"].Should().Be("password");
        Sum("jwtauthkit.sign_in.failures").Should().Be(1);
        Tags("jwtauthkit.sign_in.failures").Single()["jwtauthkit.reason"].Should().Be(JwtAuthKitErrors.InvalidCredentials);
        _measurements.Count(m => m.Name == "jwtauthkit.password.hash.duration").Should().BeGreaterThanOrEqualTo(3, "one hash at sign-up, two verifications");
        _measurements.SelectMany(m => m.Tags.Values).Select(v => v?.ToString() ?? "").Should().NotContain(v => v.Contains('@'));
    }

    [Fact]
    public async Task A_refused_magic_link_counts_as_a_failure_of_that_method()
    {
        var response = await _host.Client.PostAsJsonAsync("/api/auth/magic-link/verify", new { token = "not-a-real-token" });

        response.IsSuccessStatusCode.Should().BeFalse();
        Tags("jwtauthkit.sign_in.failures").Should().ContainSingle().Which["jwtauthkit.method"].Should().Be("magic_link");
        Sum("jwtauthkit.sign_ins").Should().Be(0);
    }

    [Fact]
    public async Task A_refresh_and_a_replayed_refresh_token_are_counted()
    {
        var email = Unique.Email();
        (await _host.Client.RegisterAsync(email)).EnsureSuccessStatusCode();
        var login = await (await _host.Client.LoginAsync(email)).JsonAsync();
        var refreshToken = login.GetProperty("refresh_token").GetString()!;

        (await _host.Client.RefreshAsync(refreshToken)).EnsureSuccessStatusCode();
        _host.Time.Advance(TimeSpan.FromMinutes(5));
        (await _host.Client.RefreshAsync(refreshToken)).IsSuccessStatusCode.Should().BeFalse();

        Sum("jwtauthkit.refreshes").Should().Be(1);
        Sum("jwtauthkit.refresh.reuse_detections").Should().Be(1);
    }

    [Fact]
    public async Task The_outbox_gauges_report_what_waits()
    {
        // No SMTP and delivery off: the verification mail stays pending.
        await using var host = await TestHost.StartAsync(o => o.Email.DeliveryEnabled = false);
        var factory = host.Services.GetRequiredService<IMeterFactory>();
        var depth = 0;
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Scope == factory && instrument.Name == "jwtauthkit.outbox.depth")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<int>((_, value, _, _) => depth = value);
        listener.Start();
        (await host.Client.RegisterAsync(Unique.Email())).EnsureSuccessStatusCode();

        var stopwatch = Stopwatch.StartNew();
        while (depth == 0 && stopwatch.Elapsed < TimeSpan.FromSeconds(15))
        {
            host.Time.Advance(TimeSpan.FromSeconds(11));
            await Task.Delay(100);
            listener.RecordObservableInstruments();
        }

        depth.Should().Be(1);
    }

    [Fact]
    public async Task Sign_in_and_refresh_are_traced_without_the_address()
    {
        var activities = new ConcurrentQueue<Activity>();
        using var activityListener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == JwtAuthKitTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activities.Enqueue,
        };
        ActivitySource.AddActivityListener(activityListener);
        var email = Unique.Email();
        (await _host.Client.RegisterAsync(email)).EnsureSuccessStatusCode();

        var login = await (await _host.Client.LoginAsync(email)).JsonAsync();
        (await _host.Client.RefreshAsync(login.GetProperty("refresh_token").GetString()!)).EnsureSuccessStatusCode();

        // Other tests' hosts trace too: find this sign-in by its application and outcome.
        activities.Should().Contain(a => a.OperationName == "jwtauthkit.sign_in" && (string?)a.GetTagItem("jwtauthkit.outcome") == "signed_in");
        activities.Should().Contain(a => a.OperationName == "jwtauthkit.refresh" && (string?)a.GetTagItem("jwtauthkit.outcome") == "refreshed");
        activities.SelectMany(a => a.TagObjects).Select(t => t.Value?.ToString() ?? "").Should().NotContain(v => v.Contains(email, StringComparison.OrdinalIgnoreCase));
    }

    private void Record<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        where T : struct
    {
        var copy = new Dictionary<string, object?>();
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }

        _measurements.Enqueue((instrument.Name, Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture), copy));
    }

    private double Sum(string name) => _measurements.Where(m => m.Name == name).Sum(m => m.Value);

    private List<Dictionary<string, object?>> Tags(string name) => [.. _measurements.Where(m => m.Name == name).Select(m => m.Tags)];
}
