namespace BittensorPow.DevNode.Methods;

/// <summary>
/// Names the JSON-RPC method a handler answers; a handler that answers under several names (an alias, or the British
/// spelling a client may use) carries one per name. <see cref="MethodTable"/> finds the handlers by this attribute.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class RpcMethodAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
