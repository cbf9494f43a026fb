"""The benchmark (`make bench`): its data set, commands, load driver and results.

An installed app above the others; the apps never import it.
"""
