"""``python -m foglift.geoparse.build SHARED_DATA_DIR``"""

from foglift.geoparse.build import main

raise SystemExit(main())
