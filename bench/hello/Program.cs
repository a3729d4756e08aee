// bench/run.sh times this beside ArticleBot: what any .NET program costs to start and print a line.
Console.WriteLine("Hello, World!");
