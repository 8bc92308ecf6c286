from stemline.cli import main

main()
