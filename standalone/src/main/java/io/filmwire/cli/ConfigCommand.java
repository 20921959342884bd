package io.filmwire.cli;

import io.filmwire.standalone.ConfigTable;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code filmwire config}: every setting, as the README's Markdown table. */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = {"Prints every setting (key, environment variable, default, meaning) as a Markdown table.",
                "Settings come from --config FILE, then FILMWIRE_* environment variables, then --set KEY=VALUE."})
final class ConfigCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.out.print(ConfigTable.markdown());
        return 0;
    }
}
