using System.Text;
using BittensorPow.Subtensor.Wallets;

namespace BittensorPow.Fuzz.Targets;

/// <summary>
/// The value of btwallet's BT_PW_… variable (base64 of the password XOR-ed with the name): what a value decodes to must
/// encode back to the same value. Rejection: WalletFileException (InvalidPasswordVariable).
/// </summary>
public static class PasswordVariableTarget
{
    private const string Name = "BT_PW__HOME_U__BITTENSOR_WALLETS_DEFAULT_COLDKEY";

    public static void Run(ReadOnlySpan<byte> input)
    {
        string value = Encoding.UTF8.GetString(input);
        try
        {
            using var password = KeyfilePasswordVariable.Decode("fuzz", Name, value);
            var utf8 = SecretKeyfile.ToUtf8(password);
            if (KeyfilePasswordVariable.Encode(Name, utf8) != Convert.ToBase64String(Convert.FromBase64String(value)))
                throw new InvalidOperationException($"'{value}' decoded to a password that does not encode back to it.");
        }
        catch (WalletFileException) { }
    }

    public static IEnumerable<byte[]> Seeds() =>
    [
        Seed.Utf8("Njw2Iz4sPi4uJiAvNCwsNSYmMA=="),
        Seed.Utf8("Mpf7IyQonP49KWW9ycw="),
        Seed.Utf8("/w=="),
        Seed.Utf8("not base64!"),
    ];
}
