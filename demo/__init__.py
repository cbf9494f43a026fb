"""Demo content for development, browser tests and the benchmark's base: `manage.py seed_demo`.

One module per area of the portal, each with ``seed(stdout)``; the apps never import this
package (it sits above them and writes through their services where they have one).
"""
