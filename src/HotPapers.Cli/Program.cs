using HotPapers.Cli;

// Progress rewritten in place only where a person watches: a terminal, outside CI.
var terminal = !Console.IsErrorRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")) ? Console.Error : null;
return CommandLine.Run(args, Console.Out, Console.Error, terminal);
