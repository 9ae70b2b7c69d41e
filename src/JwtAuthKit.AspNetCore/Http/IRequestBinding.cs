namespace JwtAuthKit.AspNetCore.Http;

/// <summary>
/// A handler parameter bound by JwtAuthKit (body, application, signed-in user). Binding never throws; a failure
/// is carried as <see cref="BindingError"/> and turned into problem details by <see cref="RequestBindingFilter"/>
/// before the handler runs.
/// </summary>
internal interface IRequestBinding
{
    JwtAuthKitError? BindingError { get; }
}
