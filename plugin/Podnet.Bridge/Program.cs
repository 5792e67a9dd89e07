namespace Podnet.Bridge;

internal static class Program
{
    private static int Main(string[] args)
    {
        Console.Out.WriteLine("podnet: CNI bridge plugin (under construction)");
        return args.Length == 0 ? 0 : 1;
    }
}
