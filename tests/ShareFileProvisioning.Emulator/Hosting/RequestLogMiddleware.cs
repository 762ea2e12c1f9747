using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace ShareFileProvisioning.Emulator.Hosting;

public sealed class RequestLogMiddleware(RequestDelegate next, EmulatorControl control)
{
    public Task InvokeAsync(HttpContext context) => next(context);
}
