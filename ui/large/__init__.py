"""The Network and Paths pages on a graph past :func:`ui.session.large_graph_threshold`: they
ask the store for what they show (a search, a bounded part of the graph, a path search) rather
than read the whole graph, and say what is limited and how to narrow the view."""
