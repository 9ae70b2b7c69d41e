namespace JwtAuthKit.Applications;

/// <summary>A newly created application with the values of its first keys, shown once.</summary>
/// <param name="Application">The application.</param>
/// <param name="PublishableKey">Its publishable key.</param>
/// <param name="SecretKey">Its secret key.</param>
public sealed record CreatedApplication(Application Application, string PublishableKey, string SecretKey);
