namespace JwtAuthKit.AspNetCore.Http;

/// <summary>
/// A handler parameter bound by JwtAuthKit (body, application, signed-in user, admin caller). Binding never throws; a
/// failure is carried as <see cref="BindingError"/> and turned into problem details by <see cref="RequestBindingFilter"/>
/// before the handler runs. Each binding also describes itself to the OpenAPI document (the errors it may answer and
/// the credential it reads).
/// </summary>
internal interface IRequestBinding
{
    JwtAuthKitError? BindingError { get; }
}
