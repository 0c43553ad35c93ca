namespace BittensorPow.Subtensor.Metadata;

/// <summary>Reads an element of a metadata structure; <c>ref</c> because <see cref="ScaleReader"/> is a ref struct.</summary>
internal delegate T ReadItem<T>(ref ScaleReader reader);
