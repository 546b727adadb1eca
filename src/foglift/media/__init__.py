"""Media provenance: what a photo or video is, its metadata and perceptual
hashes, near-duplicate matching, and the findings on claims that lean on it.

probe.py     type by content, paths kept inside an export, EXIF/XMP/container tags
hashing.py   PDQ + pHash of stills, shot-aligned PDQ of video frames, bounds
index.py     every stored hash within Hamming distance d (numpy, blocked)
cluster.py   when two files are one footage (frames matched on each side)
findings.py  media.recycled and media.metadata_conflict on claims

Recording a run's media and matching them is ``foglift.runs.media``; reading
files, clusters and posts back is ``foglift.store.media``.
"""
